package com.scratch.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void neverShowsItsValue() {
        Secret secret = new Secret("/stripeSecretKey/test", "sk_test_abc123");

        assertThat(secret.toString()).isEqualTo("Secret[/stripeSecretKey/test=****]").doesNotContain("abc123");
        assertThat(String.valueOf(secret)).doesNotContain("sk_test");
        assertThat(secret.reveal()).isEqualTo("sk_test_abc123");
    }

    @Test
    void comparesValues() {
        Secret secret = new Secret("/a", "one");

        assertThat(secret.sameValueAs(new Secret("/b", "one"))).isTrue();
        assertThat(secret.sameValueAs(new Secret("/a", "two"))).isFalse();
    }
}
