/**
 * Records shared between services: the player socket protocol ({@code protocol}), game views and
 * action payloads ({@code game}), Redis pub/sub envelopes ({@code bus}) and the payloads of the
 * narration, NPC and memory services. Records only: no behaviour lives here.
 */
package com.langomni.api;
