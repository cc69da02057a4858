# SPDX-License-Identifier: GPL-3.0-or-later
# Google's libphonenumber and its offline geocoder. Debian 12's libphonenumber-dev ships neither a
# pkg-config file nor a CMake package (dpkg -L libphonenumber-dev), so the headers and the two
# libraries are found by name. Its public headers include protobuf's generated-message headers, and
# the geocoder's include ICU's icu::Locale, so those come along as usage requirements.
#   PhoneNumber::PhoneNumber   libphonenumber (parse, validate, format, type, region)
#   PhoneNumber::Geocoding     libgeocoding (English descriptions of a number's area)
find_path(PhoneNumber_INCLUDE_DIR NAMES phonenumbers/phonenumberutil.h)
find_library(PhoneNumber_LIBRARY NAMES phonenumber)
find_library(PhoneNumber_GEOCODING_LIBRARY NAMES geocoding)
find_package(Protobuf QUIET)
find_package(ICU QUIET COMPONENTS uc i18n)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(PhoneNumber
    REQUIRED_VARS PhoneNumber_LIBRARY PhoneNumber_GEOCODING_LIBRARY PhoneNumber_INCLUDE_DIR Protobuf_FOUND ICU_FOUND)

if(PhoneNumber_FOUND AND NOT TARGET PhoneNumber::PhoneNumber)
    add_library(PhoneNumber::PhoneNumber UNKNOWN IMPORTED)
    set_target_properties(PhoneNumber::PhoneNumber PROPERTIES
        IMPORTED_LOCATION "${PhoneNumber_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${PhoneNumber_INCLUDE_DIR}"
        INTERFACE_LINK_LIBRARIES "protobuf::libprotobuf")
    add_library(PhoneNumber::Geocoding UNKNOWN IMPORTED)
    set_target_properties(PhoneNumber::Geocoding PROPERTIES
        IMPORTED_LOCATION "${PhoneNumber_GEOCODING_LIBRARY}"
        INTERFACE_LINK_LIBRARIES "PhoneNumber::PhoneNumber;ICU::uc;ICU::i18n")
endif()
mark_as_advanced(PhoneNumber_INCLUDE_DIR PhoneNumber_LIBRARY PhoneNumber_GEOCODING_LIBRARY)
