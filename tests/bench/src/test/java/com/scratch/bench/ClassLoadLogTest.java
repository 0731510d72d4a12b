package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassLoadLogTest {

    @Test
    void groupsClassesByLibraryAndChargesEachTheTimeSinceTheLoadBefore() {
        // given
        ClassLoadLog log = ClassLoadLog.parse(List.of(
                "[1000000ns] java.lang.Object source: shared objects file",
                "[3000000ns] com.stripe.Stripe source: file:/var/task/",
                "[4000000ns] com.stripe.model.PaymentIntent source: file:/var/task/",
                "not a class line",
                "[9000000ns] software.amazon.awssdk.services.sns.SnsClient source: file:/var/task/",
                "[9500000ns] com.scratch.billing.BillingHandler$$Lambda$14/0x0000000800c0b000 source: com.scratch.billing.BillingHandler"));

        // when
        List<ClassLoadLog.Library> libraries = log.byLibrary();

        // then
        assertThat(log.count()).isEqualTo(5);
        assertThat(log.fromSharedArchive()).isEqualTo(1);
        assertThat(log.fromDynamicArchive()).isZero();
        assertThat(libraries).extracting(ClassLoadLog.Library::name).containsExactly("AWS SDK: sns", "stripe-java",
                "generated at run time (lambdas, proxies, method handles)", "JDK");
        assertThat(libraries.get(1)).isEqualTo(new ClassLoadLog.Library("stripe-java", 2, 0, 3.0, 4.0, 3.0));
        assertThat(libraries.get(0).chargedMillis()).isEqualTo(5.0);
        assertThat(log.firstMillis("com.stripe.")).isEqualTo(3.0);
        assertThat(log.firstMillis("com.stripe.model.PaymentIntent")).isEqualTo(4.0);
        assertThat(log.firstMillis("org.nothing.")).isEqualTo(-1);
    }

    @Test
    void tellsTheJdksArchiveFromADynamicOneLayeredOnIt() {
        ClassLoadLog log = ClassLoadLog.parse(List.of(
                "[1000000ns] java.lang.Object source: shared objects file",
                "[2000000ns] com.stripe.Stripe source: shared objects file (top)",
                "[3000000ns] com.stripe.model.PaymentIntent source: file:/var/task/"));

        assertThat(log.fromSharedArchive()).isEqualTo(2);
        assertThat(log.fromDynamicArchive()).isEqualTo(1);
    }

    @Test
    void namesTheLibraryOfAJarEntry() {
        assertThat(Libraries.ofEntry("com/stripe/model/PaymentIntent.class")).isEqualTo("stripe-java");
        assertThat(Libraries.ofEntry("META-INF/MANIFEST.MF")).startsWith("META-INF");
        assertThat(Libraries.ofEntry("software/amazon/awssdk/services/sns/execution.interceptors"))
                .isEqualTo("AWS SDK: sns (resources)");
        assertThat(Libraries.ofEntry("logback.xml")).isEqualTo("resources: (root)/");
    }
}
