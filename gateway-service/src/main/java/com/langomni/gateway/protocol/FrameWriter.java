package com.langomni.gateway.protocol;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.protocol.ServerFrame;

/** Serialises server frames to the JSON text sent on player sockets. */
@ApplicationScoped
public class FrameWriter {

    private final ObjectMapper mapper;

    public FrameWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(ServerFrame frame) {
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            // Frames are plain records of strings, numbers and lists: failing here is a programming error.
            throw new IllegalStateException("Cannot serialise " + frame.type() + " frame", e);
        }
    }
}
