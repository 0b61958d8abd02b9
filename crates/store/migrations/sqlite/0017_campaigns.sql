-- Campaigns (issue 17): the contributions of a consultation that are one letter sent many times,
-- each member with the campaign it belongs to, named by its first member. Derived data: `consulta
-- campaigns rebuild` writes a consultation's again from the record.
CREATE TABLE campaign_members (
    contribution_id INTEGER PRIMARY KEY REFERENCES contributions (id),
    campaign_id     INTEGER NOT NULL REFERENCES contributions (id)
) STRICT;
CREATE INDEX campaign_members_by_campaign ON campaign_members (campaign_id);
