"""Warning-education films: the library of poster frames and the player."""
