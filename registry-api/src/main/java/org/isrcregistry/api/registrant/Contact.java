package org.isrcregistry.api.registrant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.isrcregistry.core.input.InvalidInputException;
import org.isrcregistry.core.input.Text;

/**
 * Someone the agency writes to about the registrant: a department ("ISRC desk") or a person. Personal data: kept out
 * of the events, erasable (docs/registrants.md).
 */
public record Contact(@Size(max = 200) String name, @Email @Size(max = 254) String email,
                      @Pattern(regexp = "\\+?[0-9 ().-]{4,32}", message = "must be a phone number, e.g. +1 514 555 0100")
                      String phone) {

    public Contact {
        name = Text.optionalLine(name, "contacts.name", Text.NAME);
        email = Text.optionalLine(email, "contacts.email", 254);
        phone = Text.optionalLine(phone, "contacts.phone", 32);
        if (name == null && email == null && phone == null) {
            throw new InvalidInputException("contacts", "has a contact with neither a name, an e-mail nor a phone");
        }
    }

    /** A contact written as free text: an e-mail address, or a person's or department's name. */
    public static java.util.List<Contact> fromText(String contact) {
        if (contact == null || contact.isBlank()) {
            return java.util.List.of();
        }
        return java.util.List.of(contact.contains("@") ? new Contact(null, contact.strip(), null)
                : new Contact(contact.strip(), null, null));
    }
}
