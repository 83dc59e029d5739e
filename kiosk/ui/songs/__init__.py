"""Songs with synced lyrics: the list ("songs") and the lyrics screen ("song")."""
