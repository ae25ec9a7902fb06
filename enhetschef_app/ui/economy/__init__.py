"""The Ekonomi page: the personnel budget against the app's estimate and the booked utfall."""

PAGE_ID = "ekonomi"
