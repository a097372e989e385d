-- Trading between players and parties (issue #17).

-- A trade offered and not yet answered: one per offerer (a new offer replaces the old one). Nothing is set aside:
-- accepting re-checks both packs and the place under both players' row locks, in the transaction that swaps them
-- and deletes the offer, so an offer can be accepted once and only while both still hold their part.
create table trade_offers (
    offerer_id   uuid         primary key references players (id) on delete cascade,
    recipient_id uuid         not null references players (id) on delete cascade,
    location_id  text         not null,
    item_id      text         not null,
    wanted_id    text,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz  not null
);
create index trade_offers_recipient on trade_offers (recipient_id, created_at desc);

-- A party exists while it has two members or more; its leader is the member who joined first.
create table parties (
    id         uuid         primary key,
    created_at timestamptz  not null default now()
);

-- One party per player: the primary key says so.
create table party_members (
    player_id uuid         primary key references players (id) on delete cascade,
    party_id  uuid         not null references parties (id) on delete cascade,
    joined_at timestamptz  not null default now()
);
create index party_members_party on party_members (party_id, joined_at);

-- An invitation into the inviter's party (created when the first invitee joins); it lapses at expires_at.
create table party_invitations (
    invitee_id uuid         not null references players (id) on delete cascade,
    inviter_id uuid         not null references players (id) on delete cascade,
    created_at timestamptz  not null default now(),
    expires_at timestamptz  not null,
    primary key (invitee_id, inviter_id)
);
