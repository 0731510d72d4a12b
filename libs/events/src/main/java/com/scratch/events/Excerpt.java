package com.scratch.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.scratch.json.JsonTrees;

/**
 * A value as error messages show it: whole when short, otherwise its start and its length. A malformed message
 * can carry megabytes in one field, and the error is logged on every retry.
 */
public final class Excerpt {

    public static final int MAX_CHARS = 64;

    private Excerpt() {
    }

    public static String of(Object value) {
        // A JSON value as JSON text, written without the ObjectMapper JsonNode.toString() would build
        String text = value instanceof JsonNode node ? JsonTrees.write(node) : String.valueOf(value);
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        // never cut between the two halves of a surrogate pair: half an emoji is not text
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end) + "… (" + text.length() + " chars)";
    }
}
