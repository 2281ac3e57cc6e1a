-- Where each account may sign in, so a counter receives only the password hashes of its own staff.
-- NULL: every counter (the default of desk staff, who move between counters); a list: only those
-- counter ids. An administrator's hash goes only to counters listed for them (none by default).
ALTER TABLE staff ADD COLUMN counters TEXT[];
