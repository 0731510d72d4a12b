package com.scratch.sandbox.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.sandbox.definitions.VariableSyntax.Source;
import org.junit.jupiter.api.Test;

class VariableSyntaxTest {

    @Test
    void onlyALowercaseSourceFollowedByAColonOrAParenthesisIsAVariable() {
        assertThat(VariableSyntax.isVariable("self:custom.stage")).isTrue();
        assertThat(VariableSyntax.isVariable("file(shared.yml):custom")).isTrue();
        assertThat(VariableSyntax.isVariable("AWS::Region")).isFalse();
        assertThat(VariableSyntax.wholeVariable("${opt:stage}")).isEqualTo("opt:stage");
        assertThat(VariableSyntax.wholeVariable("${opt:stage}-topic")).isNull();
        assertThat(VariableSyntax.wholeVariable("${AWS::AccountId}")).isNull();
    }

    @Test
    void theClosingBraceIsTheOneThatMatchesAcrossNestedVariables() {
        String text = "${self:custom.keys.${self:custom.stage}}-x";
        assertThat(VariableSyntax.closingBrace(text, 0)).isEqualTo(text.indexOf("-x") - 1);
        assertThat(VariableSyntax.closingBrace("${self:unclosed", 0)).isEqualTo(-1);
    }

    @Test
    void fallbacksSplitOnlyAtTopLevelCommas() {
        assertThat(VariableSyntax.fallbacks("env:A, self:b.${env:C, 'x'}, 'a, b', file(x,y):z"))
                .containsExactly("env:A", " self:b.${env:C, 'x'}", " 'a, b'", " file(x,y):z");
    }

    @Test
    void scalarsAndSourcesAreReadAsOslsReadsThem() {
        assertThat(VariableSyntax.scalar("42")).contains(42);
        assertThat(VariableSyntax.scalar("-1.5")).contains(-1.5);
        assertThat(VariableSyntax.scalar("true")).contains(true);
        assertThat(VariableSyntax.scalar("dev")).isEmpty();
        assertThat(VariableSyntax.source("file(../shared.yml): custom.stage"))
                .contains(new Source("file", "../shared.yml", "custom.stage"));
        assertThat(VariableSyntax.source("opt:stage")).contains(new Source("opt", null, "stage"));
        assertThat(VariableSyntax.source("self")).isEmpty();
    }
}
