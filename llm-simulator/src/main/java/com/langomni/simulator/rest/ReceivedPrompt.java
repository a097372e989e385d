package com.langomni.simulator.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.langomni.simulator.domain.ChatTemplate;
import java.util.List;

/**
 * A prompt as a client sent it: the chat messages, or a completion's prompt text (null when it came as token ids),
 * and the token ids the engine sees.
 */
record ReceivedPrompt(Kind kind, List<ChatTemplate.Message> messages, String prompt, @JsonIgnore long[] tokens) {
}
