package uk.nhsjob.matcher.limit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	@Test
	void anIpv4AddressCountsOnItsOwn() {
		assertThat(ClientAddress.groupOf("192.0.2.7")).isEqualTo("192.0.2.7");
		assertThat(ClientAddress.groupOf("192.0.2.8")).isNotEqualTo(ClientAddress.groupOf("192.0.2.7"));
	}

	@Test
	void anIpv6AddressCountsByItsSlash64HoweverItIsWritten() {
		assertThat(ClientAddress.groupOf("2001:db8:1:2::1")).isEqualTo(ClientAddress.groupOf("2001:DB8:1:2:ffff:1:2:3"))
			.isEqualTo(ClientAddress.groupOf("2001:0db8:0001:0002:0:0:0:0"))
			.endsWith("/64");
		assertThat(ClientAddress.groupOf("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.groupOf("2001:db8:1:2::1"));
	}

	@Test
	void anIpv4AddressMappedIntoIpv6CountsAsItself() {
		assertThat(ClientAddress.groupOf("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
	}

	@Test
	void somethingElseIsTakenAsItIsWithoutLookingItUp() {
		assertThat(ClientAddress.groupOf("unknown")).isEqualTo("unknown");
	}

}
