/** Gateway heartbeats (gateway to orchestrator): presence keyed by socket heals when a gateway dies. */
package com.langomni.api.presence;
