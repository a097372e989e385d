-- Idempotency of actions (issue #14): a player's action id is claimed in the action's own transaction, so an
-- action applied once is never applied again, however often it is sent. A separate table because the event log
-- may be a TimescaleDB hypertable, where a unique key would have to include ts. Kept as long as the event log.
create table action_ids (
    player_id uuid        not null,
    action_id text        not null,
    ts        timestamptz not null default now(),
    primary key (player_id, action_id)
);

-- Actions logged before this table existed count as claimed too.
insert into action_ids (player_id, action_id, ts)
select player_id, action_id, min(ts) from events
where player_id is not null and action_id is not null
group by player_id, action_id;
