//! ferry-graph
