//! The file-writing rules, one kind of target at a time.

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::process::Command;

use super::*;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().mode() & 0o7777
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

/// Tests that need root run everywhere CI runs (as root); elsewhere they say they skipped.
fn needs_root(test: &str) -> bool {
    if is_root() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{test} needs root, and CI runs as root"
    );
    eprintln!("{test}: skipped (needs root to make device nodes and change owners)");
    false
}

#[test]
fn a_new_private_file_is_the_owners_only_and_a_shared_one_follows_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let private = dir.path().join("s.json");
    write_bytes(&private, Access::Private, b"{}").unwrap();
    assert_eq!(mode(&private), 0o600);
    let shared = dir.path().join("report.md");
    write_bytes(&shared, Access::Shared, b"# report").unwrap();
    // The same mode as any file this process creates (0666 less the umask).
    let probe = dir.path().join("probe");
    std::fs::write(&probe, "x").unwrap();
    assert_eq!(mode(&shared), mode(&probe));
    assert_eq!(std::fs::read(&shared).unwrap(), b"# report");
}

#[test]
fn an_existing_file_keeps_its_mode_and_is_replaced_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.md");
    std::fs::write(&path, "old").unwrap();
    std::fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
    let inode = std::fs::metadata(&path).unwrap().ino();
    write_bytes(&path, Access::Private, b"new").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    assert_eq!(mode(&path), 0o640, "not 0600: the file had its own mode");
    assert_ne!(
        std::fs::metadata(&path).unwrap().ino(),
        inode,
        "replaced by a rename"
    );
    assert_eq!(entries(dir.path()), ["report.md"], "no temporary file left");
}

#[test]
fn an_existing_file_keeps_its_owner() {
    if !needs_root("an_existing_file_keeps_its_owner") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    std::fs::write(&path, "old").unwrap();
    std::os::unix::fs::chown(&path, Some(4321), Some(4322)).unwrap();
    write_bytes(&path, Access::Private, b"new").unwrap();
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4321, 4322));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
}

#[test]
fn a_symlink_stays_a_link_and_its_target_is_updated() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("synced");
    std::fs::create_dir(&real_dir).unwrap();
    let real = real_dir.join("real.json");
    std::fs::write(&real, "old").unwrap();
    std::fs::set_permissions(&real, Permissions::from_mode(0o600)).unwrap();
    // A relative link, resolved against the link's own directory, through a second link.
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("synced/real.json", &link).unwrap();
    let link2 = dir.path().join("link2.json");
    std::os::unix::fs::symlink("link.json", &link2).unwrap();
    write_bytes(&link2, Access::Shared, b"new").unwrap();
    for l in [&link, &link2] {
        assert!(
            std::fs::symlink_metadata(l)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    assert_eq!(mode(&real), 0o600, "the target keeps its mode");
    assert_eq!(entries(&real_dir), ["real.json"]);
}

#[test]
fn a_dangling_symlink_creates_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("new.json", &link).unwrap();
    write_bytes(&link, Access::Private, b"{}").unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(dir.path().join("new.json")).unwrap(), b"{}");
    assert_eq!(mode(&dir.path().join("new.json")), 0o600);
}

#[test]
fn a_symlink_loop_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    std::os::unix::fs::symlink("b", &a).unwrap();
    std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
    let err = write_bytes(&a, Access::Shared, b"x").unwrap_err();
    assert!(err.to_string().contains("symbolic links"), "{err}");
}

#[test]
fn a_device_node_is_written_to_and_stays_a_device() {
    if !needs_root("a_device_node_is_written_to_and_stays_a_device") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let node = dir.path().join("devnull");
    let made = Command::new("mknod")
        .arg(&node)
        .args(["c", "1", "3"])
        .status()
        .unwrap();
    assert!(made.success());
    write_bytes(&node, Access::Shared, b"# report").unwrap();
    assert!(
        std::fs::metadata(&node)
            .unwrap()
            .file_type()
            .is_char_device()
    );
    assert_eq!(entries(dir.path()), ["devnull"]);
    // A link to a device is the device.
    let link = dir.path().join("out.md");
    std::os::unix::fs::symlink(&node, &link).unwrap();
    write_bytes(&link, Access::Shared, b"# report").unwrap();
    assert!(
        std::fs::metadata(&node)
            .unwrap()
            .file_type()
            .is_char_device()
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_fifo_is_streamed_to_its_reader() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            File::open(&fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    let big = "ligne ".repeat(50_000);
    write_bytes(&fifo, Access::Shared, big.as_bytes()).unwrap();
    assert_eq!(reader.join().unwrap(), big);
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn a_socket_a_directory_and_a_full_device_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("sock");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let err = write_bytes(&socket, Access::Shared, b"x").unwrap_err();
    assert!(err.to_string().contains("socket"), "{err}");
    assert!(std::fs::metadata(&socket).unwrap().file_type().is_socket());
    let err = write_bytes(dir.path(), Access::Shared, b"x").unwrap_err();
    assert!(err.to_string().contains("directory"), "{err}");
    // /dev/full: every write fails with "no space left on device".
    let err = write_bytes(Path::new("/dev/full"), Access::Shared, b"x").unwrap_err();
    assert_eq!(err.raw_os_error(), Some(28), "{err}");
}

#[test]
fn a_failure_before_the_rename_leaves_the_old_file_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    std::fs::write(&path, "old").unwrap();
    let err = write_with(
        &path,
        Access::Private,
        |w| w.write_all(b"new"),
        || Err(io::Error::other("crash")),
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "crash");
    let err = write(&path, Access::Private, |w| {
        w.write_all(b"half")?;
        Err(io::Error::other("the export failed"))
    })
    .unwrap_err();
    assert_eq!(err.to_string(), "the export failed");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(entries(dir.path()), ["s.json"]);
}

#[test]
fn an_interrupted_write_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.md");
    let result = write(&path, Access::Shared, |w| {
        w.write_all(b"part")?;
        w.flush()?;
        // Ctrl-C arrives: the handler removes what is being written (here only this
        // test's file: other tests write at the same time).
        remove_pending_where(|p| p.starts_with(dir.path()));
        Ok(())
    });
    assert!(result.is_err());
    assert_eq!(entries(dir.path()), Vec::<String>::new());
}

#[test]
fn a_read_only_file_is_not_replaced() {
    if is_root() {
        eprintln!("a_read_only_file_is_not_replaced: skipped (root may write any file)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    std::fs::write(&path, "old").unwrap();
    std::fs::set_permissions(&path, Permissions::from_mode(0o444)).unwrap();
    assert!(write_bytes(&path, Access::Private, b"new").is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
}
