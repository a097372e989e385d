/**
 * Records shared between services: the player socket protocol ({@code protocol}), game views and
 * action payloads ({@code game}), what the rules decide ({@code outcome}: the verbs, the typed facts of each kind
 * of outcome, the reasons for a refusal), Redis pub/sub envelopes ({@code bus}) and the payloads of the
 * narration, NPC and memory services. Records and closed sets (enums with their wire names) only: no game
 * behaviour lives here.
 */
package com.langomni.api;
