package org.isrcregistry.api.registrant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.isrcregistry.core.identifier.PrefixCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The two listings of ISO 3901's annex: every allocated registrant code with its country code, company name and
 * contact, in order of registrant code or of company name. One row per prefix, with its holder now.
 */
@Component
public class RegistrantListings {

    private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {
    };

    /** The order of a listing. */
    public enum Order {
        REGISTRANT_CODE("p.country_code, p.prefix_code"),
        COMPANY_NAME("lower(r.legal_name), r.registrant_id, p.prefix_code");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /**
     * @param contact the registrant's first contact: name, e-mail and phone as one line; null when erased or none
     */
    @JsonPropertyOrder({"countryCode", "registrantCode", "companyName", "contact", "prefix", "status"})
    public record Entry(String countryCode, String registrantCode, String companyName, String contact, String prefix,
                        String status) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RegistrantListings(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Entry> listing(Order order) {
        return jdbc.query("""
                SELECT p.prefix_code, p.country_code, p.status, r.legal_name, c.contacts::text
                FROM prefix_view p
                JOIN registrant_view r ON r.registrant_id = p.registrant_id
                LEFT JOIN registrant_contact c ON c.registrant_id = p.registrant_id""" + " ORDER BY " + order.sql,
                (rs, n) -> {
            PrefixCode prefix = PrefixCode.parse(rs.getString(1));
            return new Entry(rs.getString(2), prefix.registrantCode(), rs.getString(4), contact(rs.getString(5)),
                    prefix.display(), rs.getString(3));
        });
    }

    private String contact(String contacts) {
        if (contacts == null) {
            return null;
        }
        try {
            List<Contact> all = json.readValue(contacts, CONTACTS);
            return all.isEmpty() ? null : Stream.of(all.get(0).name(), all.get(0).email(), all.get(0).phone())
                    .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", "));
        } catch (IOException e) {
            throw new UncheckedIOException("stored contacts are not readable", e);
        }
    }
}
