//! ferry-translate
