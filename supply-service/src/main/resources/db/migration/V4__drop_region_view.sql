-- Supply kept the registry's region risk levels but no rule of supply ever read them: the table
-- and its consumer go (a rule that needs them brings back a read model together with its reader).
DROP TABLE region_view;
