/**
 * Intent proposals: the orchestrator asks an LLM service which of the actions legal for a player here and now the
 * player's words meant ({@code POST /api/intent/propose}); the rules then apply the pick as if typed.
 */
package com.langomni.api.intent;
