-- Players: credentials and persistent game state. The hot copy lives in Redis; "version" guards it.
create table players (
    id            uuid         primary key,
    name          varchar(24)  not null,
    password_hash text         not null,
    role          varchar(16)  not null default 'player' check (role in ('player', 'admin')),
    location_id   text         not null,
    hp            integer      not null check (hp >= 0),
    max_hp        integer      not null check (max_hp > 0),
    inventory     jsonb        not null default '[]'::jsonb,
    version       bigint       not null default 0,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now()
);
-- Names are unique regardless of case: "Ada" and "ada" are the same player.
create unique index players_name_ci_key on players (lower(name));

-- The world pack currently loaded (a single row); re-seeded only when the checksum changes.
create table world_pack (
    id        smallint     primary key default 1 check (id = 1),
    version   text         not null,
    checksum  text         not null,
    loaded_at timestamptz  not null default now()
);

create table locations (
    id         text  primary key,
    name       text  not null,
    definition jsonb not null
);

create table npcs (
    id          text  primary key,
    name        text  not null,
    location_id text,
    definition  jsonb not null
);

create table items (
    id         text  primary key,
    name       text  not null,
    definition jsonb not null
);

create table creatures (
    id         text  primary key,
    name       text  not null,
    definition jsonb not null
);

-- Shared mutable state of a location, created lazily from the rules engine's initial state.
create table location_state (
    location_id    text         primary key,
    items          jsonb        not null default '[]'::jsonb,
    creatures      jsonb        not null default '{}'::jsonb,
    unlocked_exits jsonb        not null default '[]'::jsonb,
    updated_at     timestamptz  not null default now()
);

-- Append-only log of every action, applied or refused. The key includes ts so that TimescaleDB can turn the
-- table into a hypertable where it is installed.
create table events (
    id          bigserial    not null,
    ts          timestamptz  not null default now(),
    player_id   uuid,
    location_id text         not null,
    action_id   text,
    verb        text         not null,
    text        text,
    success     boolean      not null,
    message     text         not null,
    facts       jsonb        not null default '{}'::jsonb,
    primary key (id, ts)
);
create index events_ts_idx on events (ts);
create index events_player_ts_idx on events (player_id, ts);
create index events_location_id_idx on events (location_id, id);

create function events_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'events is append-only';
end;
$$;
create trigger events_append_only before update or delete on events
    for each row execute function events_append_only();

-- A hypertable where TimescaleDB is available; a plain indexed table everywhere else.
do $$
begin
    if exists (select 1 from pg_available_extensions where name = 'timescaledb') then
        create extension if not exists timescaledb;
        perform create_hypertable('events', 'ts', migrate_data => true);
    end if;
exception when others then
    raise notice 'TimescaleDB not usable (%), events stays a plain table', sqlerrm;
end;
$$;
