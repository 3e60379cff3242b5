//! Resolution of relative URLs.
