package com.scratch.logging;

/** How a function writes its log lines. */
public enum LogFormat {

    /** One JSON object per line, Powertools' keys: what CloudWatch Logs Insights and Lambda's level filter read. */
    JSON,
    /**
     * One readable line per event, prefixed with the function's name: for a console where several functions write
     * (the local stack).
     */
    TEXT
}
