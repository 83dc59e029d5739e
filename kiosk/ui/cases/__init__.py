"""The warning cases (警示案例): the section by year and topic, the case page, the loop's card."""
