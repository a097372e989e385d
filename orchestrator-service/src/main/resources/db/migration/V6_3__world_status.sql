-- The living world (issue #17, item 6). What the admins did to the world as a whole: paused it, and the world event
-- they last started (a storm, ...: in effect from started_at until ends_at). One row, one world per deployment;
-- every replica reads it (langomni.world.status-ttl), so it holds across replicas and restarts.
create table world_status (
    id               smallint    primary key default 1 check (id = 1),
    paused           boolean     not null default false,
    paused_by        text,
    paused_at        timestamptz,
    event_kind       varchar(64),
    event_started_at timestamptz,
    event_ends_at    timestamptz,
    event_by         text,
    updated_at       timestamptz not null default now()
);
insert into world_status (id) values (1);

-- The admins' world actions, newest last: the audit trail the admin panel shows.
create table world_audit (
    id     bigserial   primary key,
    ts     timestamptz not null default now(),
    action varchar(16) not null check (action in ('pause', 'resume', 'event', 'end')),
    detail text,
    actor  text        not null
);
create index world_audit_ts_idx on world_audit (ts desc, id desc);
