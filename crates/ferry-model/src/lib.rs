//! ferry-model
