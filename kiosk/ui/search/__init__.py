"""Search as the visitor types, with the large on-screen keyboard."""
