package com.scratch.emulators.internal;

/** Escapes text for XML element content and attribute values. */
public final class XmlText {

    private XmlText() {
    }

    /** {@code escape("a<b & \"c\"")} gives {@code a&lt;b &amp; &quot;c&quot;}; null gives an empty string. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                // A raw CR would be turned into LF by the client's XML parser.
                case '\r' -> escaped.append("&#13;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
