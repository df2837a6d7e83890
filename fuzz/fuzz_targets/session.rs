//! The session loader: any bytes are a session or a one-line error; a session that loads
//! attaches to documents without panicking, and every annotation it places has a span on
//! character boundaries of its document holding the quoted text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::DocId;
use parallax::prepare::from_text;

fuzz_target!(|data: &[u8]| {
    let session = match parallax::session::store::parse(data) {
        Ok(s) => s,
        Err(message) => {
            assert!(!message.contains('\n'), "{message}");
            return;
        }
    };
    let docs = vec![
        from_text(DocId(0), "a.txt", "Armenia said 350 soldiers died. Talks in Moscow lasted ten hours."),
        from_text(DocId(1), "b.txt", "قال بوتين إن 376 جنديا قتلوا. The talks in Moscow took ten hours."),
    ];
    let mut session = session;
    let _ = session.attach(&docs);
    for a in &session.annotations {
        if a.orphaned {
            continue;
        }
        let text = &docs[a.doc].text;
        assert_eq!(text.get(a.start..a.end), Some(a.text.as_str()));
        assert!(a.sentence < docs[a.doc].sentences.len());
    }
});
