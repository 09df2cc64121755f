"""What the components share: token lists and scopes (`relations`), what a number counts (`counting`,
`count_nouns`), and whose cases or staff a count is (`case_relations`, `staff_relations`)."""
