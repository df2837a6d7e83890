//! The demo corpus, embedded in the binary so `parallax` with no arguments works anywhere.

/// The five demo articles: one story (the October 2020 Moscow talks on Nagorno-Karabakh)
/// as told by machine translations, an AFP rewrite, an Al Jazeera rewrite and the Arabic original.
pub const DEMO_FILES: [(&str, &str); 5] = [
    (
        "000_30ce90846bac3fd6.txt",
        include_str!("../../assets/demo/000_30ce90846bac3fd6.txt"),
    ),
    (
        "001_6ae619f761b75cd4.txt",
        include_str!("../../assets/demo/001_6ae619f761b75cd4.txt"),
    ),
    (
        "002_c3aaeca70265f1d8.txt",
        include_str!("../../assets/demo/002_c3aaeca70265f1d8.txt"),
    ),
    (
        "003_61af73ea42f265ba.txt",
        include_str!("../../assets/demo/003_61af73ea42f265ba.txt"),
    ),
    (
        "004_a783795e3209deaa.txt",
        include_str!("../../assets/demo/004_a783795e3209deaa.txt"),
    ),
];
