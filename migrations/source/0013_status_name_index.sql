-- One status across the regions sorted by name (the women accepted, alphabetically) on a million
-- applications: its rows in name order from one index, where the list read the whole status
-- (36,000 accepted) and sorted it for each page, 300 ms to a second a page.

--sqlite: create index applications_status_name_idx on applications (status, last_first_key);
--postgres: create index applications_status_name_idx on applications (status, last_first_key collate "C");
