package uk.nhsjob.platform.kafka;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFaultsTests {

	@Test
	void anExceptionMarkedAsAFaultThatPassesIsTransientEvenWrapped() {
		assertThat(TransientFaults.isTransient(new Away())).isTrue();
		assertThat(TransientFaults.isTransient(new ListenerExecutionFailedException("listener failed", new Away())))
			.isTrue();
	}

	@Test
	void theUsualSignsOfADependencyAwayAreTransient() {
		assertThat(TransientFaults.isTransient(new QueryTimeoutException("slow"))).isTrue();
		assertThat(TransientFaults.isTransient(new DataAccessResourceFailureException("MongoDB away",
				new MongoTimeoutException("no server within 30000 ms"))))
			.isTrue();
		assertThat(TransientFaults.isTransient(new MongoSocketReadTimeoutException("read timed out",
				new ServerAddress(), new SocketTimeoutException())))
			.isTrue();
		assertThat(TransientFaults.isTransient(new org.apache.kafka.common.errors.TimeoutException("no metadata")))
			.isTrue();
		assertThat(TransientFaults.isTransient(new org.springframework.kafka.KafkaException("send failed",
				new org.apache.kafka.common.errors.NotEnoughReplicasException("1 of 2"))))
			.isTrue();
		// an SMTP server out of reach, as Spring's mail sender wraps it
		assertThat(TransientFaults.isTransient(new IllegalStateException("Mail server connection failed",
				new RuntimeException("Couldn't connect to host", new ConnectException("Connection refused")))))
			.isTrue();
	}

	@Test
	void anythingElseIsNot() {
		assertThat(TransientFaults.isTransient(new IllegalStateException("a bug"))).isFalse();
		assertThat(TransientFaults.isTransient(new IllegalArgumentException("a vacancy record without a vacancy")))
			.isFalse();
		assertThat(TransientFaults.isTransient(new DuplicateKeyException("E11000"))).isFalse();
		assertThat(TransientFaults.isTransient(new DeserializationException("not JSON", new byte[0], false, null)))
			.isFalse();
		assertThat(TransientFaults
			.isTransient(new ListenerExecutionFailedException("listener failed", new NullPointerException("a bug"))))
			.isFalse();
		assertThat(TransientFaults.isTransient(null)).isFalse();
	}

	static class Away extends RuntimeException implements TransientFault {

	}

}
