package com.scratch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StageTest {

    @Test
    void theLongestStageIsWhatBillingsRoleNameLeavesInTheLongestRegion() {
        assertThat(Stage.MAX_LENGTH).isEqualTo(26);
        assertThat(("billing-api-" + "s".repeat(Stage.MAX_LENGTH) + "-ap-southeast-1-lambdaRole").length())
                .isEqualTo(Stage.ROLE_NAME_LIMIT);
    }

    @Test
    void aStageOfTheMaximumLengthIsAcceptedAndOneLongerIsRefusedNamingTheLimit() {
        String longest = "feature-" + "x".repeat(Stage.MAX_LENGTH - "feature-".length());

        assertThat(Stage.of(longest).name()).hasSize(26);
        assertThatThrownBy(() -> Stage.of(longest + "y")).isInstanceOf(InvalidStageException.class)
                .hasMessageContaining("is 27 characters; at most 26 fit AWS's limits")
                .hasMessageContaining("IAM role names stop at 64 characters");
    }

    @Test
    void aStageStartsWithALetterAndHoldsOnlyLettersDigitsAndHyphens() {
        for (String name : new String[] {"123-fix", "feature/login", "Feature_Login", "", "-x", "über"}) {
            assertThatThrownBy(() -> Stage.of(name)).as(name).isInstanceOf(InvalidStageException.class)
                    .hasMessageContaining("must start with a letter");
        }
        assertThat(Stage.of("pr-42").isProduction()).isFalse();
        assertThat(Stage.of("prod").isProduction()).isTrue();
    }
}
