"""Galleries of posters, calligraphy and photos, with deep zoom into large scans."""
