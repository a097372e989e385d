-- An action id is claimed by its event row's own insert (issue #14): the row and the claim go in one statement,
-- one round trip less per action than a separate insert from the application, still in the action's transaction,
-- so a repeated id fails the insert (unique violation of action_ids_pkey) and rolls the whole action back.
create function events_claim_action_id() returns trigger language plpgsql as $$
begin
    if new.player_id is not null and new.action_id is not null then
        insert into action_ids (player_id, action_id, ts) values (new.player_id, new.action_id, new.ts);
    end if;
    return new;
end;
$$;
create trigger events_claim_action_id before insert on events
    for each row execute function events_claim_action_id();
