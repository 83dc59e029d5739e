"""The programme's own kinds on touch screens: the couplet page and the lantern riddles."""
