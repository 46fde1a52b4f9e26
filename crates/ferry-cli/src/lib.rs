//! ferry-cli
