package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassOriginTest {

    private static final Path TASK_ROOT = Path.of("/work/target/bench/task-roots/billing");

    @Test
    void tellsTheJdkTheRuntimeTheTaskRootAndGeneratedClassesApart() {
        assertThat(ClassOrigin.of("jrt:/java.base", TASK_ROOT)).isEqualTo(ClassOrigin.JDK);
        assertThat(ClassOrigin.of("shared objects file", TASK_ROOT)).isEqualTo(ClassOrigin.JDK);
        assertThat(ClassOrigin.of("file:/root/.m2/repository/com/amazonaws/aws-lambda-java-runtime-interface-client/"
                + "2.10.1/aws-lambda-java-runtime-interface-client-2.10.1.jar", TASK_ROOT))
                .isEqualTo(ClassOrigin.RUNTIME);
        assertThat(ClassOrigin.of("file:/work/target/bench/task-roots/billing/", TASK_ROOT))
                .isEqualTo(ClassOrigin.TASK_ROOT);
        assertThat(ClassOrigin.of("file:/work/target/bench/task-roots/billing/lib/extra.jar", TASK_ROOT))
                .isEqualTo(ClassOrigin.TASK_ROOT);
        assertThat(ClassOrigin.of("file:/work/target/bench/task-roots/billing-other/", TASK_ROOT))
                .isEqualTo(ClassOrigin.RUNTIME);
        assertThat(ClassOrigin.of("com.scratch.billing.BillingColdStart", TASK_ROOT)).isEqualTo(ClassOrigin.GENERATED);
        assertThat(ClassOrigin.of("__JVM_LookupDefineClass__", TASK_ROOT)).isEqualTo(ClassOrigin.GENERATED);
    }

    @Test
    void looksUpEachClassByNameInARunWithoutAnArchive() {
        ClassLoadLog withoutArchive = ClassLoadLog.parse(List.of(
                "[1000000ns] java.lang.Object source: shared objects file",
                "[2000000ns] com.stripe.Stripe source: file:/work/target/bench/task-roots/billing/"));

        assertThat(ClassOrigin.byName(withoutArchive, TASK_ROOT)).containsExactly(
                java.util.Map.entry("java.lang.Object", ClassOrigin.JDK),
                java.util.Map.entry("com.stripe.Stripe", ClassOrigin.TASK_ROOT));
    }
}
