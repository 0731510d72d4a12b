package com.scratch.emulators.sns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the flattened {@code MessageAttributes.entry.N.*} form fields back into attributes by name. The SDK
 * numbers entries in map iteration order, so N says nothing and only {@code Name} identifies an attribute.
 */
final class MessageAttributeEntries {

    private static final Pattern FIELD = Pattern.compile("MessageAttributes\\.entry\\.(\\d+)\\.(.+)");

    private MessageAttributeEntries() {
    }

    static Map<String, MessageAttribute> parse(Map<String, String> form) {
        Map<Integer, Map<String, String>> entries = new TreeMap<>();
        for (Map.Entry<String, String> field : form.entrySet()) {
            Matcher matcher = FIELD.matcher(field.getKey());
            if (matcher.matches()) {
                entries.computeIfAbsent(Integer.parseInt(matcher.group(1)), n -> new LinkedHashMap<>())
                        .put(matcher.group(2), field.getValue());
            }
        }
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (Map<String, String> entry : entries.values()) {
            String name = entry.get("Name");
            if (name == null || name.isEmpty()) {
                throw SnsError.invalidParameter("Invalid parameter: MessageAttributes Reason: an attribute has no name");
            }
            attributes.put(name, attribute(name, entry));
        }
        return attributes;
    }

    private static MessageAttribute attribute(String name, Map<String, String> entry) {
        String dataType = entry.get("Value.DataType");
        if (dataType == null || dataType.isEmpty()) {
            throw invalidValue("The message attribute '" + name + "' must contain non-empty message attribute type.");
        }
        boolean binary = dataType.startsWith("Binary");
        if (!binary && !dataType.startsWith("String") && !dataType.startsWith("Number")) {
            throw invalidValue("The message attribute '" + name + "' has an invalid message attribute type, "
                    + "the set of supported type prefixes is Binary, Number, and String.");
        }
        String value = entry.get(binary ? "Value.BinaryValue" : "Value.StringValue");
        if (value == null || value.isEmpty()) {
            throw invalidValue("The message attribute '" + name + "' must contain non-empty message attribute value "
                    + "for message attribute type '" + dataType + "'.");
        }
        return new MessageAttribute(dataType, value);
    }

    private static SnsError invalidValue(String message) {
        return SnsError.sender(400, "ParameterValueInvalid", message);
    }
}
