-- Server-side sessions: every bearer token names one, and is honoured only while its session lives: not logged
-- out (revoked_at), not expired, and opened at the player's current auth_version. Bumping players.auth_version
-- ends every session of the player at once (password change, role change, ban). banned_until refuses logins.
alter table players
    add column auth_version bigint      not null default 0,
    add column banned_until timestamptz,
    add column ban_reason   text;

create table auth_sessions (
    id           uuid        primary key,
    player_id    uuid        not null references players (id) on delete cascade,
    auth_version bigint      not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz
);
-- A player's sessions: ended together, and their expired rows dropped at the player's next login.
create index auth_sessions_player_idx on auth_sessions (player_id);
