//! Exports of a comparison. JSON follows the contract in the project's `CONTRACT.md`.

pub mod json;
