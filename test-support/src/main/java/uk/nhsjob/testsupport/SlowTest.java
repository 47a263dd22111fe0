package uk.nhsjob.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that takes long (kill tests, child JVMs, a browser, the whole system end to end,
 * large differential runs). {@code ./mvnw test} leaves these out; {@code ./mvnw
 * verify} runs them after the fast ones, in the integration-test phase (failsafe).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(SlowTest.TAG)
public @interface SlowTest {

	String TAG = "slow";

}
