package uk.nhsjob.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real Kafka broker, a MongoDB-wire server and an SMTP server, and
 * points Spring's {@code spring.kafka.bootstrap-servers}, {@code spring.mongodb.uri} and
 * {@code spring.mail.*} at them. Put it before {@code @SpringBootTest}.
 *
 * @see TestInfrastructure for how the kind of infrastructure is chosen
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RealInfrastructureExtension.class)
public @interface RealInfrastructure {

}
