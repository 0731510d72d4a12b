package com.scratch.emulators.sns;

import static com.scratch.emulators.internal.XmlText.escape;

/** SNS's query-protocol XML answers; every value goes through {@code XmlText.escape}. */
final class SnsXml {

    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private SnsXml() {
    }

    /** {@code <PublishResponse><PublishResult>...</PublishResult><ResponseMetadata>...} */
    static String success(String action, String resultContent, String requestId) {
        return "<" + action + "Response xmlns=\"" + NAMESPACE + "\">\n"
                + "  <" + action + "Result>" + resultContent + "</" + action + "Result>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>" + escape(requestId) + "</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</" + action + "Response>\n";
    }

    static String error(SnsError error, String requestId) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <Error>\n"
                + "    <Type>" + escape(error.type()) + "</Type>\n"
                + "    <Code>" + escape(error.code()) + "</Code>\n"
                + "    <Message>" + escape(error.getMessage()) + "</Message>\n"
                + "  </Error>\n"
                + "  <RequestId>" + escape(requestId) + "</RequestId>\n"
                + "</ErrorResponse>\n";
    }

    /** One element with escaped text, for example {@code <MessageId>...</MessageId>}. */
    static String element(String name, String value) {
        return "<" + name + ">" + escape(value) + "</" + name + ">";
    }
}
