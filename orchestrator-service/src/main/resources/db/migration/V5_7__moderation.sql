-- The moderation hook (issue #16). The world's mode (off, words, endpoint) as an admin set it; no row: the
-- configured default (langomni.moderation.mode). One world per deployment, as world_pack.
create table moderation_setting (
    id         smallint    primary key default 1 check (id = 1),
    mode       varchar(16) not null check (mode in ('off', 'words', 'endpoint')),
    updated_by text,
    updated_at timestamptz not null default now()
);

-- What moderation flagged, for the admins: player text withheld and model output replaced by the rules' text.
-- A repeat of an action (same id) is flagged once.
create table moderation_flags (
    id         bigserial   primary key,
    ts         timestamptz not null default now(),
    source     varchar(16) not null,
    player_id  uuid,
    action_id  text,
    text       text        not null,
    categories jsonb       not null default '[]'::jsonb,
    checker    varchar(16) not null
);
create index moderation_flags_ts_idx on moderation_flags (ts desc, id desc);
create unique index moderation_flags_action_idx on moderation_flags (player_id, action_id, source)
    where action_id is not null;
