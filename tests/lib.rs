//! End-to-end tests of the `copydesk` binary live under `tests/`; this library only holds helpers.
