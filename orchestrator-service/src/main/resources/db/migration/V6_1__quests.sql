-- Quests (issue #17): one row per player and quest they accepted. The quests themselves are authored in the world
-- pack; a row keeps only where the player stands. Written in the same transaction as the action that changed it.
-- step: the 0-based index of the step being worked on (the number of steps once done).
create table player_quests (
    player_id    uuid        not null references players (id) on delete cascade,
    quest_id     text        not null,
    step         integer     not null check (step >= 0),
    status       varchar(8)  not null check (status in ('active', 'done')),
    accepted_at  timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    completed_at timestamptz,
    primary key (player_id, quest_id)
);
-- "Who here holds this quest": a step done together looks up the other holders of a quest.
create index player_quests_quest_idx on player_quests (quest_id, status);
