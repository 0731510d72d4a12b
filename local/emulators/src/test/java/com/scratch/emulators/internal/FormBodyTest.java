package com.scratch.emulators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FormBodyTest {

    @Test
    void plusIsASpaceAndPercentTwoBIsAPlus() {
        // when
        Map<String, String> form = FormBody.parse("PhoneNumber=%2B15555550100&Message=Your+code+is+123456");

        // then
        assertThat(form).containsExactly(
                Map.entry("PhoneNumber", "+15555550100"),
                Map.entry("Message", "Your code is 123456"));
    }

    @Test
    void bracketsReadTheSameEncodedOrNot() {
        // when
        Map<String, String> form = FormBody.parse(
                "metadata[order_id]=1001&payment_method_data%5Bcard%5D%5Btoken%5D=tok_visa&flag&empty=");

        // then
        assertThat(form)
                .containsEntry("metadata[order_id]", "1001")
                .containsEntry("payment_method_data[card][token]", "tok_visa")
                .containsEntry("flag", "")
                .containsEntry("empty", "");
    }

    @Test
    void malformedEscapeIsRejected() {
        // when / then
        assertThatThrownBy(() -> FormBody.parse("a=%zz")).isInstanceOf(IllegalArgumentException.class);
    }
}
